package de.gremium.intranet.start;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what is new, the next meeting, polls waiting for me, my reports. */
@Controller
class StartPage {

    @GetMapping("/")
    String start() {
        return "start/start";
    }
}
