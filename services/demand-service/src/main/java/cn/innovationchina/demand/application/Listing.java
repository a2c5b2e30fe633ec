package cn.innovationchina.demand.application;

import java.util.List;

import cn.innovationchina.demand.domain.Demand;

/** One page of what a caller may see, each demand with how much of it the caller sees. */
public record Listing(List<Seen> items, int page, int size, long total) {

    public record Seen(Demand demand, Exposure exposure) {
    }
}
