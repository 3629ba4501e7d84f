#pragma once

#include "common/recordform.h"

/// Adds a code to the ledger's equipment-category list (rules/learning-record.md section 7):
/// a code of 1 to 40 of a-z, 0-9 and _, and the label people read. Codes are only added: an
/// authorisation may name any of them.
class CategoryEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit CategoryEditor(QObject* parent = nullptr);

protected:
    void clear() override {}
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    EditorField* m_code;
    EditorField* m_label;
};
