package io.hookstream.operations.deadletters;

import io.hookstream.operations.replay.ReplayPublisher;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dead letter is in the dead-letter topic: its partition and offset, written {@code
 * <partition>-<offset>}. The position is the identity: an event that fails again after a redrive is
 * a new dead letter at a new position, redriven on its own.
 */
public record DeadLetterId(int partition, long offset) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    public DeadLetterId {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException(
                    "a dead letter's partition and offset are not negative");
        }
    }

    /** The id written as {@link #toString()}, or empty when {@code text} is not one. */
    public static Optional<DeadLetterId> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new DeadLetterId(
                        Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }

    /** {@code topic:partition:offset}, as the redrive header {@link ReplayPublisher#REDRIVE_OF}. */
    public String coordinates(String topic) {
        return ReplayPublisher.coordinates(topic, partition, offset);
    }

    @Override
    public String toString() {
        return partition + "-" + offset;
    }
}
