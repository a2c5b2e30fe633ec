package cn.innovationchina.archfixture.springy.domain;

import org.springframework.stereotype.Component;

@Component
public class Lamp {
}
