package cn.innovationchina.expert.application;

import java.util.List;

import cn.innovationchina.expert.domain.Provider;

/** One page of providers found, and how many there are in all. */
public record ProviderPage(List<Provider> items, int page, int size, long total) {
}
