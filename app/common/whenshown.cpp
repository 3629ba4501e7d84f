#include "common/whenshown.h"

#include <utility>

WhenShown::WhenShown(std::function<void()> build) : m_build(std::move(build)) {
}

bool WhenShown::setActive(bool active) {
    if (active == m_active) {
        return false;
    }
    m_active = active;
    buildIfDue();
    return true;
}

void WhenShown::classBegin() {
    m_completing = true;
}

void WhenShown::componentComplete() {
    m_completing = false;
    buildIfDue();
}

void WhenShown::changed() {
    m_stale = true;
    buildIfDue();
}

void WhenShown::ensureBuilt() {
    if (m_stale) {
        m_stale = false;
        m_build();
    }
}

void WhenShown::buildIfDue() {
    if (m_active && !m_completing) {
        ensureBuilt();
    }
}
