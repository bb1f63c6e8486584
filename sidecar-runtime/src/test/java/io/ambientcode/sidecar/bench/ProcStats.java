package io.ambientcode.sidecar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a process, from {@code /proc} (Linux). */
record ProcStats(long rssKb, long rssAnonKb, long rssFileKb, long cpuMillis) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final int USER_HZ = 100;

    static ProcStats of(long pid) throws IOException {
        long rss = 0;
        long anon = 0;
        long file = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kb(line);
            } else if (line.startsWith("RssAnon:")) {
                anon = kb(line);
            } else if (line.startsWith("RssFile:")) {
                file = kb(line);
            }
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return new ProcStats(rss, anon, file, ticks * 1000 / USER_HZ);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
