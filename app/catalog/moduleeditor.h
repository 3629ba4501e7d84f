#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "training/training.h"

/// Adds, edits or removes a mandatory module (by code, which cannot change once stored).
class ModuleEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit ModuleEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::Module> m_fields;
};
