package cn.innovationchina.demand.web;

import java.util.List;

import cn.innovationchina.demand.application.Listing;

record PageView(List<DemandView> items, int page, int size, long total) {

    static PageView of(Listing listing) {
        return new PageView(listing.items().stream().map(DemandView::of).toList(), listing.page(), listing.size(),
                listing.total());
    }
}
