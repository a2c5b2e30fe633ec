package cn.innovationchina.archfixture.clean.messaging;

import cn.innovationchina.archfixture.clean.application.Lamps;

public class LampEvents {

    public boolean known(Lamps lamps, String id) {
        return lamps.find(id) != null;
    }
}
