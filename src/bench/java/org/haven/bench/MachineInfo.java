package org.haven.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine a benchmark ran on, for the report: cores, memory, OS, JDK. */
public final class MachineInfo {
    private MachineInfo() {}

    public static String describe() {
        long totalMemory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            totalMemory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%d cores, %s memory, %s %s (%s), JDK %s (%s), max heap %s",
                Runtime.getRuntime().availableProcessors(),
                totalMemory < 0 ? "unknown" : gib(totalMemory),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                gib(Runtime.getRuntime().maxMemory()));
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
