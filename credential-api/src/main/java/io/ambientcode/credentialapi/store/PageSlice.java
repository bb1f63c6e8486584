package io.ambientcode.credentialapi.store;

import java.util.List;

/** One page of rows and the total number of rows matching the query. */
public record PageSlice<T>(List<T> rows, long total) {
}
