package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.core.Haven;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `haven stats`: key<TAB>value counts. */
@Command(name = "stats", description = "Counts of people, cases, events, operations, and cases per status and outcome.")
final class StatsCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
        try (Haven haven = home.open()) {
            haven.stats().counts().forEach((k, v) -> System.out.println(k + "\t" + v));
        }
        return 0;
    }
}
