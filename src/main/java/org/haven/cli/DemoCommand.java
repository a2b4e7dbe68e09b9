package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven demo --people N [--seed S]`: synthetic data into an empty database. */
@Command(name = "demo", description = "Fill an empty database with synthetic people, operations, cases and events.")
final class DemoCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--people", required = true, paramLabel = "N")
    int people;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1")
    long seed;

    @Override
    public Integer call() {
        try (Haven haven = home.open()) {
            DemoData.Counts counts = new DemoData(haven, seed).generate(people, null);
            System.out.println("people\t" + counts.people());
            System.out.println("cases\t" + counts.cases());
            System.out.println("events\t" + counts.events());
            System.out.println("operations\t" + counts.operations());
        }
        return 0;
    }
}
