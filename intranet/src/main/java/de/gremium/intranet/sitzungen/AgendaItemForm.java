package de.gremium.intranet.sitzungen;

/** Put a topic on the agenda ({@code POST /api/meetings/{id}/agenda-items}); {@code position} counts from 1 here. */
public class AgendaItemForm {

    private String idempotencyKey;
    private Topic topic = new Topic();
    private String position;

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public Topic getTopic() {
        return topic;
    }

    public void setTopic(Topic topic) {
        this.topic = topic == null ? new Topic() : topic;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    /** What the item is about: a free topic, or a project idea or problem report named by its id. */
    public static class Topic {

        private String kind = "FREE";
        private String referenceId;
        private String title;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getReferenceId() {
            return referenceId;
        }

        public void setReferenceId(String referenceId) {
            this.referenceId = referenceId;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }
    }
}
