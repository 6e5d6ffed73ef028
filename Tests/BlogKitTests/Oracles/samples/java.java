package com.example.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * In-memory inventory service from the "Records and sealed types" post.
 *
 * @author blog
 * @since 17
 */
public final class InventoryService {

    /** A product in stock; records give us equals/hashCode for free. */
    public record Product(String sku, String name, BigDecimal price, int quantity) {
        public Product {
            Objects.requireNonNull(sku, "sku");
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must be >= 0, got " + quantity);
            }
        }
    }

    public sealed interface Event permits Restocked, Sold {}
    public record Restocked(String sku, int amount, Instant at) implements Event {}
    public record Sold(String sku, int amount, Instant at) implements Event {}

    private static final int MAX_BATCH = 0xFF;
    private static final long CACHE_TTL_MS = 30_000L;
    private static final double LOW_STOCK_RATIO = 1.5e-1;
    private static final char SEPARATOR = '\t';

    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final List<Event> journal = Collections.synchronizedList(new ArrayList<>());

    public void add(Product p) {
        products.put(p.sku(), p);
    }

    // Applies an event and records it in the journal.
    public synchronized Optional<Product> apply(Event event) {
        Product updated = switch (event) {
            case Restocked r -> adjust(r.sku(), r.amount());
            case Sold s when s.amount() > MAX_BATCH ->
                throw new IllegalStateException("batch too large: " + s.amount());
            case Sold s -> adjust(s.sku(), -s.amount());
        };
        journal.add(event);
        return Optional.ofNullable(updated);
    }

    private Product adjust(String sku, int delta) {
        return products.computeIfPresent(sku, (k, p) ->
            new Product(p.sku(), p.name(), p.price(), p.quantity() + delta));
    }

    public <T extends Comparable<? super T>> List<Product> query(
            Predicate<Product> filter, java.util.function.Function<Product, T> sortKey) {
        return products.values().stream()
            .filter(filter)
            .sorted(Comparator.comparing(sortKey))
            .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("Inventory[");
        products.forEach((sku, p) -> sb.append(sku).append(SEPARATOR).append(p.quantity()).append("\n"));
        return sb.append(']').toString();
    }

    @SuppressWarnings("unused")
    public static void main(String[] args) throws Exception {
        var service = new InventoryService();
        service.add(new Product("SKU-1", "Keyboard", new BigDecimal("49.90"), 12));
        service.add(new Product("SKU-2", "Mouse \"Pro\"", BigDecimal.valueOf(19.5f), 3));
        service.apply(new Sold("SKU-2", 2, Instant.now()));

        String report = """
            Low stock report
            ================
            Threshold: %.2f
            """.formatted(LOW_STOCK_RATIO);
        System.out.print(report);
        for (Product p : service.query(p -> p.quantity() < 5, Product::name)) {
            System.out.printf("%-8s %3d%n", p.sku(), p.quantity());
        }
        boolean empty = service.products.isEmpty() && !service.journal.isEmpty();
        assert !empty : "journal without products";
    }
}
