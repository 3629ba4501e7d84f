#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "staff/staff.h"

/// Adds or edits a person (by employee id, which cannot change once stored).
class StaffEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit StaffEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::Staff> m_fields;
};
