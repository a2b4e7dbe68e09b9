package org.haven.cli;

/**
 * A `haven` subcommand that the product does not contain (the benchmark, built from src/bench and
 * left out of the jar and the installer): found through the class path's service list, so nothing in
 * the product depends on it. The class is a picocli {@code @Command}.
 */
public interface ExtraCommand {
}
