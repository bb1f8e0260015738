package de.gremium.intranet.web;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs: the signed-in person ({@code ich}) for the header and for showing only the actions of their
 * roles, and a fresh idempotency key for the forms on the page ({@code formularSchluessel}). A refusal of an API
 * that no form handles becomes a German page of its own (not found, no permission, not reachable).
 */
@ControllerAdvice
public class PageAdvice {

    private final SignedIn signedIn;
    private final RefusalTexts texts;

    PageAdvice(SignedIn signedIn, RefusalTexts texts) {
        this.signedIn = signedIn;
        this.texts = texts;
    }

    @ModelAttribute("ich")
    SignedInUser ich() {
        return signedIn.current();
    }

    /** The page's path, for the navigation's {@code aria-current}. */
    @ModelAttribute("pfad")
    String pfad(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    /** A new key on every render: a double click or a reload of the answer sends the command once. */
    @ModelAttribute("formularSchluessel")
    String formularSchluessel() {
        return UUID.randomUUID().toString();
    }

    @ExceptionHandler(ApiRefusedException.class)
    String refused(ApiRefusedException refused, Model model, jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        if (refused.status() == 401) {
            return "redirect:/anmelden?abgelaufen";
        }
        int status = switch (refused.status()) {
            case 403, 404 -> refused.status();
            case 400 -> 400;
            default -> 503;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("meldung", texts.forForm(refused.problem()));
        model.addAttribute("ich", signedIn.current());
        model.addAttribute("pfad", pfad(request)); // an exception handler's model gets no @ModelAttribute; the layout needs it
        return "fehler";
    }
}
