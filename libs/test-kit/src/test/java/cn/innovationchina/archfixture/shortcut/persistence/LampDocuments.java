package cn.innovationchina.archfixture.shortcut.persistence;

import cn.innovationchina.archfixture.shortcut.domain.Lamp;

public class LampDocuments {

    public Lamp find(String id) {
        return new Lamp(id);
    }
}
