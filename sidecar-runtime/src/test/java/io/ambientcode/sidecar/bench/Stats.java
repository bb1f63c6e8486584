package io.ambientcode.sidecar.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a sample. Pure. */
final class Stats {

    private final List<Double> sorted;

    Stats(List<? extends Number> values) {
        List<Double> copy = new ArrayList<>();
        values.forEach(v -> copy.add(v.doubleValue()));
        Collections.sort(copy);
        this.sorted = copy;
    }

    /** The {@code p}-th percentile (nearest rank), {@code p} in (0, 100]. */
    double percentile(double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double median() {
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(0);
    }

    double max() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    int size() {
        return sorted.size();
    }

    /** {@code median [min-max]} with the given number of decimals. */
    String spread(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(f + " [" + f + "-" + f + "]", median(), min(), max());
    }
}
