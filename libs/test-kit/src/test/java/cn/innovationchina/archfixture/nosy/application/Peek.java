package cn.innovationchina.archfixture.nosy.application;

import cn.innovationchina.archfixture.other.domain.Switch;

public class Peek {

    public boolean peek(Switch other) {
        return other.on();
    }
}
