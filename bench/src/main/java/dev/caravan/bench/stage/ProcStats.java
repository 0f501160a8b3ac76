package dev.caravan.bench.stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Memory and CPU of this process, its threads and its child servers, read from the JVM and /proc (Linux). */
public final class ProcStats {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux we run on. */
    private static final double CLK_TCK = 100.0;

    private ProcStats() {
    }

    /** A field of /proc/<pid>/status in MB (VmRSS, VmHWM), or -1. */
    public static double statusMb(long pid, String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }

    /** User + system CPU of a process so far, in ms (from /proc/<pid>/stat), or -1. */
    public static double processCpuMs(long pid) {
        return processCpuMs(Path.of("/proc/" + pid + "/stat"));
    }

    private static double processCpuMs(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000.0 / CLK_TCK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU ms so far of every thread of this process, JVM threads included (GC, JIT compilers),
     * summed by name with digits dropped ("GC Thread#0" and "GC Thread#1" are "GC Thread#").
     */
    public static Map<String, Double> threadGroupCpuMs() {
        Map<String, Double> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "");
                    double ms = processCpuMs(Path.of(task.toString(), "stat"));
                    if (ms >= 0) {
                        out.merge(name, ms, Double::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while listed
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** CPU ms so far of the child JVM with that short name (see {@link #children}), or 0 when there is none. */
    public static double childCpuMs(String name) {
        Long pid = children().get(name);
        return pid == null ? 0 : processCpuMs(pid);
    }

    /** The child JVMs of this process by a short name taken from their command line (kafka, schema-registry, opensearch). */
    public static Map<String, Long> children() {
        Map<String, Long> out = new LinkedHashMap<>();
        ProcessHandle.current().children().forEach(p -> {
            String cmd = commandLine(p.pid());
            String name = cmd.contains("opensearch") || cmd.contains("OpenSearch") ? "opensearch"
                    : cmd.contains("SchemaRegistry") || cmd.contains("registry.") ? "schema-registry"
                    : cmd.toLowerCase().contains("kafka") ? "kafka" : "child-" + p.pid();
            out.merge(name, p.pid(), (a, b) -> a);
        });
        return out;
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            String cmd = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            // The main class is the last word before the program arguments; skip the long classpath.
            String[] words = cmd.split(" ");
            StringBuilder b = new StringBuilder();
            for (String w : words) {
                if (!w.contains(":") || w.startsWith("-")) {
                    b.append(w).append(' ');
                }
            }
            return b.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** CPU nanoseconds of each live thread of this JVM, by thread id, with its name. */
    public static Map<Long, ThreadCpu> threadCpu() {
        Map<Long, ThreadCpu> out = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (cpu >= 0) {
                out.put(ids[i], new ThreadCpu(infos[i].getThreadName(), cpu));
            }
        }
        return out;
    }

    public record ThreadCpu(String name, long cpuNanos) {
    }

    /**
     * CPU ms spent between two snapshots, summed per stage as {@code classify} names a thread
     * (threads that ended in between are lost; stage threads live for the whole phase).
     */
    public static Map<String, Double> cpuMsByStage(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after,
                                                   Function<String, String> classify) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((id, now) -> {
            ThreadCpu then = before.get(id);
            long delta = now.cpuNanos() - (then == null ? 0 : then.cpuNanos());
            out.merge(classify.apply(now.name()), delta / 1e6, Double::sum);
        });
        return out;
    }

    /** Heap in use right after a full collection, in MB. */
    public static double heapAfterGcMb() {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
