package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.credentialapi.service.PageRequest;
import io.ambientcode.credentialapi.store.PageSlice;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code items}, the 1-based {@code page}, the page {@code size} and the {@code total} count. */
@JsonPropertyOrder({ "items", "page", "size", "total" })
public record PageView<T>(
        @JsonProperty("items") List<T> items,
        @JsonProperty("page") int page,
        @JsonProperty("size") int size,
        @JsonProperty("total") long total) {

    static <R, T> PageView<T> of(PageSlice<R> slice, PageRequest request, Function<R, T> view) {
        return new PageView<>(slice.rows().stream().map(view).toList(), request.page(), request.size(), slice.total());
    }
}
