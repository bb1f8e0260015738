-- Crypto-shredding (docs/adr/0007-crypto-shredding.md): the keys that personal data in the record is encrypted with,
-- apart from the events. One key per person (item = '') and one per person and item (a problem report, a guest) for
-- free text that can be erased on its own. Deleting a row makes everything encrypted with it unreadable for good;
-- the table names people and items only by the SHA-256 of their text (PersonalDataKeys.subject), never in clear.
CREATE TABLE personal_data_key (
    key_id     UUID         NOT NULL PRIMARY KEY,
    person     CHAR(64)     NOT NULL,
    item       VARCHAR(64)  NOT NULL DEFAULT '',
    -- for an item's key: the person who first wrote about the item; erasing them erases all of the item's text
    item_owner CHAR(64),
    key_bytes  BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT personal_data_key_subject UNIQUE (person, item)
);
CREATE INDEX personal_data_key_item ON personal_data_key (item);
CREATE INDEX personal_data_key_item_owner ON personal_data_key (item_owner);
