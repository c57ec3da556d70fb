-- The benchmark table: mixed column types, text with commas, quotes, newlines, Japanese and emoji, ~10% NULLs.
-- @rows is set by the caller. Values are deterministic functions of the row number (CRC32 as a cheap hash).
CREATE DATABASE IF NOT EXISTS bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE bench;
DROP TABLE IF EXISTS t;
CREATE TABLE t (
  id          BIGINT NOT NULL PRIMARY KEY,
  quantity    INT NULL,
  big_counter BIGINT UNSIGNED NULL,
  price       DECIMAL(12,2) NULL,
  name        VARCHAR(255) NULL,
  created_at  DATETIME NULL,
  updated_at  TIMESTAMP NULL DEFAULT NULL,
  birth_date  DATE NULL,
  is_active   TINYINT(1) NULL,
  attributes  JSON NULL
) ENGINE=InnoDB;
SET @sql = CONCAT('INSERT INTO t SELECT seq,',
  ' IF(h % 10 = 0, NULL, h % 100000),',
  ' IF(h % 10 = 1, NULL, 18446744073709551615 - h * 1000003),',
  ' IF(h % 10 = 2, NULL, (h % 10000000) / 100),',
  ' IF(h % 10 = 3, NULL, CONCAT(ELT(1 + seq % 6, ''山田 太郎'', ''Smith, John'', ''say "hi"'', ''line1\nline2'', ''🍣 sushi lover'', ''plain name''), '' #'', seq)),',
  ' IF(h % 10 = 4, NULL, ''2020-01-01 00:00:00'' + INTERVAL (h % 157680000) SECOND),',
  ' IF(h % 10 = 5, NULL, ''2021-01-01 00:00:00'' + INTERVAL (h % 94608000) SECOND),',
  ' IF(h % 10 = 6, NULL, ''1950-01-01'' + INTERVAL (h % 25000) DAY),',
  ' IF(h % 10 = 7, NULL, h % 2),',
  ' IF(h % 10 = 8, NULL, JSON_OBJECT(''color'', ELT(1 + h % 3, ''red'', ''green'', ''blue''), ''size'', h % 50, ''tags'', JSON_ARRAY(''a'', ''b'')))',
  ' FROM (SELECT seq, CRC32(seq) AS h FROM seq_1_to_', @rows, ') s');
PREPARE stmt FROM @sql;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;
ANALYZE TABLE t;
