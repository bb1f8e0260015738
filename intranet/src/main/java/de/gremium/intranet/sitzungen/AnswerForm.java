package de.gremium.intranet.sitzungen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's answers to a poll ({@code POST /api/scheduling-polls/{id}/answers}): {@code answers[<candidateId>]} is
 * {@code YES}, {@code IF_NEED_BE} or {@code NO}; a candidate left without a choice is not sent.
 */
public class AnswerForm {

    private String idempotencyKey;
    private Map<String, String> answers = new LinkedHashMap<>();

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public Map<String, String> getAnswers() {
        return answers;
    }

    public void setAnswers(Map<String, String> answers) {
        this.answers = answers == null ? new LinkedHashMap<>() : answers;
    }

    /** The choices made, in the order of the poll's candidates' ids as posted. */
    Map<String, String> chosen() {
        Map<String, String> chosen = new LinkedHashMap<>();
        answers.forEach((candidate, choice) -> {
            if (choice != null && !choice.isBlank()) {
                chosen.put(candidate, choice);
            }
        });
        return chosen;
    }
}
