-- A small online shop, the shape of data BatchSync users sync every night (~100k rows in all).
-- Deterministic: every value is a function of the row number.
CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE shop;
DROP TABLE IF EXISTS order_items, orders, products, customers, inventory_events;

CREATE TABLE customers (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(255) NOT NULL,
  name          VARCHAR(100) NOT NULL,
  prefecture    VARCHAR(20) NULL,
  birthday      DATE NULL,
  is_member     TINYINT(1) NOT NULL DEFAULT 0,
  created_at    DATETIME NOT NULL,
  updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE TABLE products (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku           CHAR(12) NOT NULL,
  title         VARCHAR(200) NOT NULL,
  description   TEXT NULL,
  price         DECIMAL(10,2) NOT NULL,
  attributes    JSON NULL,
  thumbnail     BLOB NULL,
  status        ENUM('draft','active','discontinued') NOT NULL,
  created_at    DATETIME NOT NULL
);

CREATE TABLE orders (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id   INT UNSIGNED NOT NULL,
  status        VARCHAR(20) NOT NULL,
  total         DECIMAL(12,2) NOT NULL,
  note          VARCHAR(500) NULL,
  ordered_at    DATETIME(6) NOT NULL,
  shipped_on    DATE NULL,
  updated_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE order_items (
  order_id      BIGINT UNSIGNED NOT NULL,
  line_no       SMALLINT NOT NULL,
  product_id    INT UNSIGNED NOT NULL,
  quantity      INT NOT NULL,
  unit_price    DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE inventory_events (
  id            BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id    INT UNSIGNED NOT NULL,
  delta         INT NOT NULL,
  reason        SET('sale','restock','return','audit') NOT NULL,
  happened_at   DATETIME NOT NULL
);

INSERT INTO customers (id, email, name, prefecture, birthday, is_member, created_at, updated_at)
SELECT seq, CONCAT('user', seq, '@example.jp'),
       ELT(1 + seq % 8, '山田 太郎', '佐藤 花子', 'Suzuki, Ichiro', 'O''Brien "Bob"', 'Tanaka\nKenji', '  padded  ', '🍣 Sushi Fan', 'Lee'),
       IF(seq % 11 = 0, NULL, ELT(1 + seq % 5, '東京都', '大阪府', '北海道', '福岡県', '沖縄県')),
       IF(seq % 13 = 0, NULL, '1960-01-01' + INTERVAL (CRC32(seq) % 18000) DAY),
       seq % 3 = 0,
       '2022-01-01 00:00:00' + INTERVAL (CRC32(seq) % 94608000) SECOND,
       '2025-01-01 00:00:00.000' + INTERVAL ((CRC32(seq * 7) % 31536000000) * 1000) MICROSECOND
FROM seq_1_to_10000;

INSERT INTO products (id, sku, title, description, price, attributes, thumbnail, status, created_at)
SELECT seq, CONCAT('SKU-', LPAD(seq, 8, '0')),
       CONCAT(ELT(1 + seq % 4, '緑茶', 'Coffee beans', 'Tea cup, ceramic', 'Chopsticks "premium"'), ' #', seq),
       IF(seq % 5 = 0, NULL, IF(seq % 5 = 1, '', CONCAT('Line one\r\nLine two, with comma. ', REPEAT('詳しい説明 ', seq % 4)))),
       (CRC32(seq) % 100000) / 100,
       IF(seq % 7 = 0, NULL, JSON_OBJECT('weight_g', CRC32(seq) % 1000, 'origin', ELT(1 + seq % 3, 'Shizuoka', 'Kyoto', 'Brazil'))),
       IF(seq % 9 = 0, NULL, UNHEX(SHA2(seq, 256))),
       ELT(1 + seq % 3, 'draft', 'active', 'discontinued'),
       '2021-06-01 09:00:00' + INTERVAL seq HOUR
FROM seq_1_to_2000;

INSERT INTO orders (id, customer_id, status, total, note, ordered_at, shipped_on, updated_at)
SELECT seq, 1 + CRC32(seq) % 10000, ELT(1 + seq % 5, 'paid', 'shipped', 'delivered', 'cancelled', 'test'),
       (CRC32(seq * 3) % 5000000) / 100,
       IF(seq % 4 = 0, NULL, IF(seq % 4 = 1, '', ELT(1 + seq % 3, '置き配希望', 'Gift wrap, please', 'Call "before" delivery'))),
       '2024-01-01 00:00:00.000000' + INTERVAL (CRC32(seq) % 63072000000000) MICROSECOND,
       IF(seq % 6 = 0, NULL, '2024-01-02' + INTERVAL (CRC32(seq) % 730) DAY),
       '2025-06-01 00:00:00' + INTERVAL (CRC32(seq * 5) % 15552000) SECOND
FROM seq_1_to_30000;

INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)
SELECT o.seq, l.seq, 1 + CRC32(o.seq * 10 + l.seq) % 2000, 1 + CRC32(o.seq + l.seq) % 5, (CRC32(o.seq * l.seq) % 10000) / 100
FROM seq_1_to_30000 o JOIN seq_1_to_3 l ON l.seq <= 1 + o.seq % 3;

INSERT INTO inventory_events (id, product_id, delta, reason, happened_at)
SELECT seq, 1 + CRC32(seq) % 2000, CAST(CRC32(seq) % 41 AS SIGNED) - 20,
       ELT(1 + seq % 4, 'sale', 'restock', 'return', 'sale,audit'),
       '2025-01-01 00:00:00' + INTERVAL (CRC32(seq) % 31536000) SECOND
FROM seq_1_to_5000;
