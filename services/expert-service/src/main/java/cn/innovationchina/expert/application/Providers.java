package cn.innovationchina.expert.application;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.expert.domain.Provider;
import reactor.core.publisher.Mono;

/** Where providers are kept; writes store the state and its events together, guarded by version. */
public interface Providers {

    Mono<Provider> find(String id);

    /** Fails with {@code Conflict} if the id is taken. */
    Mono<Provider> create(Provider provider, List<? extends ProviderEvent> events);

    /** Fails with {@code StaleVersion} if the stored provider is no longer at {@code expectedVersion}. */
    Mono<Provider> update(Provider provider, long expectedVersion, List<? extends ProviderEvent> events);

    /** Which of these ids are already taken. */
    Mono<Set<String>> existing(Collection<String> ids);

    Mono<ProviderSearch.Page> search(ProviderSearch search);
}
