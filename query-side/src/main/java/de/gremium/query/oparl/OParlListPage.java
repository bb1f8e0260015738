package de.gremium.query.oparl;

import java.util.List;
import java.util.Map;

/**
 * A page of an external OParl list: {@code data}, {@code pagination} ({@code totalElements}, {@code elementsPerPage},
 * {@code currentPage}, {@code totalPages}) and {@code links} ({@code first}, {@code prev}, {@code self}, {@code next},
 * {@code last}; {@code prev} and {@code next} left out at the ends).
 */
public record OParlListPage(List<Map<String, Object>> data, Map<String, Object> pagination, Map<String, String> links) {
}
