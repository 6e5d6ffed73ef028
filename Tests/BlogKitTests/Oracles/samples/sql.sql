-- Migration 0007: subscriptions and invoices
-- From "Modelling billing in Postgres".

BEGIN;

CREATE EXTENSION IF NOT EXISTS "pgcrypto";

CREATE TYPE plan_tier AS ENUM ('free', 'pro', 'team');

CREATE TABLE customers (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email       text NOT NULL UNIQUE CHECK (email ~* '^[^@\s]+@[^@\s]+$'),
    name        varchar(120) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
    id           bigserial PRIMARY KEY,
    customer_id  uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tier         plan_tier NOT NULL DEFAULT 'free',
    seats        integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 500),
    price_cents  integer NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz,
    CONSTRAINT one_active_per_customer EXCLUDE USING btree (customer_id WITH =)
        WHERE (cancelled_at IS NULL)
);

/*
 * Invoices are immutable once issued; corrections are new rows
 * with a negative amount.
 */
CREATE TABLE invoices (
    id              bigserial PRIMARY KEY,
    subscription_id bigint NOT NULL REFERENCES subscriptions (id),
    amount_cents    integer NOT NULL,
    tax_rate        numeric(5, 4) NOT NULL DEFAULT 0.2000,
    issued_on       date NOT NULL DEFAULT CURRENT_DATE,
    memo            text
);

CREATE INDEX invoices_subscription_idx ON invoices (subscription_id, issued_on DESC);

-- Seed data
INSERT INTO customers (email, name)
VALUES ('ada@example.com', 'Ada Lovelace'),
       ('grace@example.com', 'Grace O''Neil'),
       ('lin@example.com', '林小明');

INSERT INTO subscriptions (customer_id, tier, seats, price_cents)
SELECT id, 'pro', 3, 1.2e3::integer
  FROM customers
 WHERE email LIKE '%@example.com'
   AND name <> 'Ada Lovelace';

-- Monthly revenue per tier, with a running total.
WITH monthly AS (
    SELECT date_trunc('month', i.issued_on) AS month,
           s.tier,
           SUM(i.amount_cents * (1 + i.tax_rate)) / 100.0 AS revenue
      FROM invoices i
      JOIN subscriptions s ON s.id = i.subscription_id
     WHERE i.issued_on >= CURRENT_DATE - INTERVAL '12 months'
     GROUP BY 1, 2
)
SELECT month,
       tier,
       ROUND(revenue, 2) AS revenue,
       SUM(revenue) OVER (PARTITION BY tier ORDER BY month) AS running_total,
       CASE WHEN revenue > 10000 THEN 'high'
            WHEN revenue > 1000 THEN 'medium'
            ELSE 'low'
       END AS band
  FROM monthly
 ORDER BY month DESC, tier
 LIMIT 50;

CREATE OR REPLACE VIEW active_subscriptions AS
SELECT c.email,
       s.tier,
       s.seats * s.price_cents AS mrr_cents,
       COALESCE(s.cancelled_at, 'infinity'::timestamptz) AS ends_at
  FROM subscriptions s
 INNER JOIN customers c ON c.id = s.customer_id
 WHERE s.cancelled_at IS NULL OR s.cancelled_at > now();

UPDATE subscriptions SET cancelled_at = now() WHERE id IN (SELECT id FROM subscriptions WHERE seats = 0);
DELETE FROM invoices WHERE amount_cents = 0 AND memo IS NULL;

COMMIT;
