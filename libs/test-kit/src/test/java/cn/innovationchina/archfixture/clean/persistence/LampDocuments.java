package cn.innovationchina.archfixture.clean.persistence;

import cn.innovationchina.archfixture.clean.domain.Lamp;

public class LampDocuments {

    public Lamp find(String id) {
        return new Lamp(id, null);
    }
}
