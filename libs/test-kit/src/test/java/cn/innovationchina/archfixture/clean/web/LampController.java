package cn.innovationchina.archfixture.clean.web;

import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.archfixture.clean.domain.Lamp;

@RestController
public class LampController {

    public Lamp lamp() {
        return new Lamp("l", null);
    }
}
