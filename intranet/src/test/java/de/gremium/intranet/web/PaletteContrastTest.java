package de.gremium.intranet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** WCAG 2.1 1.4.3 and 1.4.11: the palette's pairs, computed from the stylesheet itself. */
class PaletteContrastTest {

    static Map<String, String> palette() throws IOException {
        String css = new ClassPathResource("static/css/gremium.css").getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> colours = new HashMap<>();
        Matcher m = Pattern.compile("--(g-color-[a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(css);
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        return colours;
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void every_text_colour_has_at_least_four_and_a_half_to_one_on_the_backgrounds_it_is_used_on() throws IOException {
        Map<String, String> p = palette();
        String[][] textPairs = {
            {"g-color-text", "g-color-background"}, {"g-color-text", "g-color-surface"},
            {"g-color-text-muted", "g-color-background"}, {"g-color-text-muted", "g-color-surface"},
            {"g-color-link", "g-color-background"}, {"g-color-link", "g-color-surface"},
            {"g-color-on-primary", "g-color-primary"}, {"g-color-on-primary", "g-color-primary-hover"},
            {"g-color-primary", "g-color-background"},
            {"g-color-feedback-error", "g-color-background"}, {"g-color-feedback-error", "g-color-feedback-error-background"},
            {"g-color-text", "g-color-feedback-error-background"}, {"g-color-text", "g-color-feedback-success-background"},
            {"g-color-feedback-warning", "g-color-feedback-warning-background"},
            {"g-color-text", "g-color-feedback-info-background"}, {"g-color-link", "g-color-feedback-info-background"},
        };
        for (String[] pair : textPairs) {
            assertThat(contrast(p.get(pair[0]), p.get(pair[1]))).as(pair[0] + " on " + pair[1]).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void borders_and_the_focus_ring_have_at_least_three_to_one() throws IOException {
        Map<String, String> p = palette();
        assertThat(contrast(p.get("g-color-border"), p.get("g-color-background"))).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(p.get("g-color-focus"), p.get("g-color-background"))).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(p.get("g-color-focus"), p.get("g-color-surface"))).isGreaterThanOrEqualTo(3.0);
    }
}
