package de.gremium.intranet.sitzungen;

import java.util.ArrayList;
import java.util.List;

/**
 * Open a scheduling poll ({@code POST /api/scheduling-polls}): the quarter's preferred Wednesdays unless switched
 * off, and up to three dates of the coordinator's own ({@code extraSlots}, as typed).
 */
public class OpenPollForm {

    static final int EXTRA_SLOTS = 3;

    private String idempotencyKey;
    private boolean preferredSlots = true;
    private List<String> extraSlots = new ArrayList<>(List.of("", "", ""));

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public boolean isPreferredSlots() {
        return preferredSlots;
    }

    public void setPreferredSlots(boolean preferredSlots) {
        this.preferredSlots = preferredSlots;
    }

    public List<String> getExtraSlots() {
        return extraSlots;
    }

    public void setExtraSlots(List<String> extraSlots) {
        List<String> slots = new ArrayList<>(extraSlots == null ? List.of() : extraSlots);
        while (slots.size() < EXTRA_SLOTS) {
            slots.add("");
        }
        this.extraSlots = slots;
    }
}
