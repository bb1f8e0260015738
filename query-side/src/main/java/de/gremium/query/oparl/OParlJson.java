package de.gremium.query.oparl;

import java.util.Map;

/** An OParl object as it is sent, attribute by attribute in order. */
public record OParlJson(Map<String, Object> body) {
}
