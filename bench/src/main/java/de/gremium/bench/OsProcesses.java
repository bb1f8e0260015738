package de.gremium.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time and memory of other processes, read from Linux's {@code /proc}: PostgreSQL (a postmaster and the
 * backends it forks) is not part of the JVM, so its cost is read here and reported on its own.
 */
final class OsProcesses {

    /** Clock ticks per second of /proc/[pid]/stat; 100 on every Linux this runs on (read once from getconf). */
    private static final long TICKS = clockTicks();

    private OsProcesses() {
    }

    /** The live postmaster named by a PostgreSQL data folder's {@code postmaster.pid}. */
    static Optional<ProcessHandle> postmaster(Path dataFolder) {
        try {
            Path pidFile = dataFolder.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
                return Optional.empty();
            }
            // a pid file left behind may name a pid that another process has since: only a postgres counts
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU nanoseconds that a process tree used so far: every live process's user and system time, plus the time of
     * the children that its root already reaped (a backend that ended in between still counts).
     */
    static long treeCpuNanos(ProcessHandle root) {
        long ticks = 0;
        long[] own = stat(root.pid());
        if (own == null) {
            return -1;
        }
        ticks += own[0] + own[1] + own[2] + own[3];
        for (ProcessHandle child : descendants(root)) {
            long[] s = stat(child.pid());
            if (s != null) {
                ticks += s[0] + s[1];
            }
        }
        return ticks * 1_000_000_000L / TICKS;
    }

    /** Memory of a process tree: resident set (shared pages counted in every process) and proportional set (once). */
    record Memory(int processes, long rssKb, long pssKb) {
    }

    static Memory treeMemory(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        all.addAll(descendants(root));
        long rss = 0;
        long pss = 0;
        int counted = 0;
        for (ProcessHandle p : all) {
            long r = statusKb(p.pid(), "VmRSS:");
            if (r < 0) {
                continue;
            }
            counted++;
            rss += r;
            pss += Math.max(0, smapsRollupKb(p.pid(), "Pss:"));
        }
        return new Memory(counted, rss, pss);
    }

    /** A field of /proc/[pid]/status in kB (VmRSS:, VmHWM:), or -1. */
    static long statusKb(long pid, String field) {
        return kbField(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    private static long smapsRollupKb(long pid, String field) {
        return kbField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), field);
    }

    private static long kbField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static List<ProcessHandle> descendants(ProcessHandle root) {
        return root.descendants().toList();
    }

    /**
     * CPU ticks (user + system) of this JVM's JIT compiler threads by thread id, from /proc/self/task: the thread bean
     * does not show them. Their names ("C2 CompilerThread0", cut to 15 characters by the kernel) tell them apart.
     */
    static Map<Long, Long> compilerThreadTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(Long.parseLong(task.getFileName().toString()), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    static long ticksToNanos(long ticks) {
        return ticks * 1_000_000_000L / TICKS;
    }

    /** utime, stime, cutime, cstime in clock ticks, or null if the process is gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // the command name (field 2) may contain spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
