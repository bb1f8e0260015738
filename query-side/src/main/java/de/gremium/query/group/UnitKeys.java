package de.gremium.query.group;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe keys for unit names: "Amt 50" → "amt-50", "IV/01" → "iv-01", "Öffentlichkeitsarbeit" → "oeffentlichkeitsarbeit". */
public final class UnitKeys {

    private UnitKeys() {
    }

    public static String of(String unitName) {
        String german = unitName.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
    }
}
