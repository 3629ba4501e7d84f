#pragma once

#include <functional>

/// When a page's data is built: once when the page is first shown, again on each change of
/// its data or inputs while it is shown, and on being shown again after a change made while
/// it was hidden; never for a page nobody looks at.
///
/// A controller made in C++ (tests) is shown from the start. One made in QML forwards
/// classBegin and componentComplete here, so that nothing is built while its properties
/// (the session, then `active`) are being set, and binds `active` to its page's visibility.
class WhenShown {
public:
    explicit WhenShown(std::function<void()> build);

    [[nodiscard]] bool active() const { return m_active; }
    /// Shown or hidden; builds when shown with a change not yet built. True when it changed.
    bool setActive(bool active);
    void classBegin();
    void componentComplete();
    /// The data or an input changed: built now when shown, else when next shown.
    void changed();
    /// Builds now if a change has not been built (a question asked of a hidden page).
    void ensureBuilt();

private:
    void buildIfDue();

    std::function<void()> m_build;
    bool m_active = true;
    bool m_completing = false;
    bool m_stale = true;
};
