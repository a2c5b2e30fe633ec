package cn.innovationchina.archfixture.clean.web;

import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.archfixture.clean.application.Lamps;
import cn.innovationchina.archfixture.clean.domain.Lamp;

@RestController
public class LampController {

    private final Lamps lamps;

    LampController(Lamps lamps) {
        this.lamps = lamps;
    }

    public Lamp lamp(String id) {
        return lamps.find(id);
    }
}
