package cn.innovationchina.archfixture.clean.application;

import cn.innovationchina.archfixture.clean.domain.Lamp;
import cn.innovationchina.archfixture.clean.persistence.LampDocuments;

public class Lamps {

    private final LampDocuments documents;

    Lamps(LampDocuments documents) {
        this.documents = documents;
    }

    public Lamp find(String id) {
        return documents.find(id);
    }
}
