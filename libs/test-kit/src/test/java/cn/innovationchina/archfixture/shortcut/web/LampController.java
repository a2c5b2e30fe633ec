package cn.innovationchina.archfixture.shortcut.web;

import cn.innovationchina.archfixture.shortcut.domain.Lamp;
import cn.innovationchina.archfixture.shortcut.persistence.LampDocuments;

/** Reads the store itself, past the application layer. */
public class LampController {

    public Lamp lamp(LampDocuments documents, String id) {
        return documents.find(id);
    }
}
