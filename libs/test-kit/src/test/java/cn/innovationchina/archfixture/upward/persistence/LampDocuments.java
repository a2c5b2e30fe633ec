package cn.innovationchina.archfixture.upward.persistence;

import cn.innovationchina.archfixture.upward.application.LampSearch;

/** Depends on a type of the layer above it, as a ports-and-adapters repository would. */
public class LampDocuments {

    public String query(LampSearch search) {
        return search.text();
    }
}
