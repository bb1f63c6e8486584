package io.ambientcode.controlplane.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Kubernetes-style conditions: one per type, {@code lastTransitionTime} moves only when the status flips. */
public final class Conditions {

    private static final int MAX_MESSAGE_LENGTH = 1024;

    private Conditions() {
    }

    /** A copy of {@code current} with the condition of {@code type} set, in {@link SessionConditions#ORDER}. */
    public static List<Condition> set(List<Condition> current, String type, boolean status, String reason, String message,
            Long generation, Instant now) {
        String statusText = status ? "True" : "False";
        List<Condition> result = new ArrayList<>();
        String transition = now.truncatedTo(ChronoUnit.SECONDS).toString();
        if (current != null) {
            for (Condition c : current) {
                if (type.equals(c.getType())) {
                    if (statusText.equals(c.getStatus()) && c.getLastTransitionTime() != null) {
                        transition = c.getLastTransitionTime();
                    }
                } else {
                    result.add(c);
                }
            }
        }
        result.add(new ConditionBuilder()
                .withType(type)
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(truncate(message))
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
        result.sort(Comparator.comparingInt(c -> order(c.getType())));
        return result;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty() : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static int order(String type) {
        int i = SessionConditions.ORDER.indexOf(type);
        return i < 0 ? SessionConditions.ORDER.size() : i;
    }

    private static String truncate(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}
