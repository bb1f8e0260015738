package de.gremium.intranet.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The German sign-in page; with OpenID Connect a link to the city's sign-in instead of the form. */
@Controller
class SignInPage {

    private final boolean oidc;

    SignInPage(@Value("${gremium.intranet.oidc.issuer-uri:}") String issuer) {
        this.oidc = !issuer.isBlank();
    }

    @GetMapping("/anmelden")
    String signIn(Model model) {
        model.addAttribute("oidc", oidc);
        return "anmelden";
    }
}
