package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

/** Budget in whole CNY; either bound may be open. */
public record BudgetRange(@Nullable Long minCny, @Nullable Long maxCny) {
}
