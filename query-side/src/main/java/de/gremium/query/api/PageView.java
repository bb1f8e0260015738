package de.gremium.query.api;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list view in OParl's shape ({@code data}, {@code pagination}, {@code links}), so that
 * intranet pages and OParl clients page through every list the same way. Pages count from 1.
 */
public record PageView<T>(List<T> data, Pagination pagination, Links links) {

    /**
     * The highest page a list answers: the view store skips {@code (page - 1) × size} documents, a number it takes
     * as a 32-bit integer, so a page far beyond would wrap around (or fail); beyond it, a 400 naming {@code page}.
     */
    public static final int MAX_PAGE = 1_000_000;

    /** The description of every list's {@code page} parameter. */
    public static final String PAGE = "The page, from 1 to 1000000";

    public record Pagination(long totalElements, int elementsPerPage, int currentPage, int totalPages) {
    }

    public record Links(String first, String prev, String next, String last) {
    }

    /** Builds the page; {@code self} is the request URI whose {@code page} parameter the links replace. */
    public static <T> PageView<T> of(List<T> data, long total, int page, int size, UriComponentsBuilder self) {
        int totalPages = (int) Math.max(1, (total + size - 1) / size);
        return new PageView<>(data, new Pagination(total, size, page, totalPages), new Links(
                link(self, 1),
                page > 1 ? link(self, Math.min(page - 1, totalPages)) : null,
                page < totalPages ? link(self, page + 1) : null,
                link(self, totalPages)));
    }

    private static String link(UriComponentsBuilder self, int page) {
        return self.cloneBuilder().replaceQueryParam("page", page).build().toUriString();
    }
}
