#include <algorithm>

#include <fmt/format.h>

#include "opsynth/cloudwatch/widget.hpp"

namespace opsynth::cloudwatch {

std::vector<std::string> ConcreteWidget::problems() const {
  std::vector<std::string> out;
  if (width_ < 1 || width_ > kGridWidth)
    out.push_back(fmt::format("{} is {} columns wide; widgets are 1 to {} columns wide", describe(), width_, kGridWidth));
  if (height_ < 1 || height_ > 1000)
    out.push_back(fmt::format("{} is {} rows high; widgets are 1 to 1000 rows high", describe(), height_));
  return out;
}

Value ConcreteWidget::entry(const std::string& type, Value properties) const {
  return Value::object({{"type", type},
                        {"width", width_},
                        {"height", height_},
                        {"x", x_},
                        {"y", y_},
                        {"properties", std::move(properties)}});
}

Row::Row(std::vector<WidgetPtr> widgets) {
  for (auto& w : widgets) add_widget(std::move(w));
}

// aws-cdk-lib's Row: left to right; a widget that would cross the grid's right edge starts a
// new line below everything placed so far.
void Row::add_widget(WidgetPtr w) {
  place(*w);
  widgets_.push_back(std::move(w));
}

void Row::place(const Widget& w) {
  int x = offsets_.empty() ? 0 : width_;
  int y = 0;
  if (!offsets_.empty()) {
    // Continue after the last widget on the current line.
    const auto& last = offsets_.back();
    x = last.first + widgets_.back()->width();
    y = last.second;
  }
  if (x + w.width() > kGridWidth) {
    y = height_;
    x = 0;
  }
  offsets_.emplace_back(x, y);
  width_ = std::max(width_, x + w.width());
  height_ = std::max(height_, y + w.height());
}

void Row::position(int x, int y) {
  for (std::size_t i = 0; i < widgets_.size(); ++i) widgets_[i]->position(x + offsets_[i].first, y + offsets_[i].second);
}

std::vector<Value> Row::to_json() const {
  std::vector<Value> out;
  for (const auto& w : widgets_)
    for (auto& v : w->to_json()) out.push_back(std::move(v));
  return out;
}

void Row::leaves(std::vector<const Widget*>& out) const {
  for (const auto& w : widgets_) w->leaves(out);
}

std::vector<std::string> Row::problems() const {
  std::vector<std::string> out;
  for (const auto& w : widgets_)
    for (auto& p : w->problems()) out.push_back(std::move(p));
  return out;
}

Column::Column(std::vector<WidgetPtr> widgets) : widgets_(std::move(widgets)) {}

void Column::add_widget(WidgetPtr w) { widgets_.push_back(std::move(w)); }

int Column::width() const {
  int w = 0;
  for (const auto& x : widgets_) w = std::max(w, x->width());
  return w;
}

int Column::height() const {
  int h = 0;
  for (const auto& x : widgets_) h += x->height();
  return h;
}

void Column::position(int x, int y) {
  for (const auto& w : widgets_) {
    w->position(x, y);
    y += w->height();
  }
}

std::vector<Value> Column::to_json() const {
  std::vector<Value> out;
  for (const auto& w : widgets_)
    for (auto& v : w->to_json()) out.push_back(std::move(v));
  return out;
}

void Column::leaves(std::vector<const Widget*>& out) const {
  for (const auto& w : widgets_) w->leaves(out);
}

std::vector<std::string> Column::problems() const {
  std::vector<std::string> out;
  for (const auto& w : widgets_)
    for (auto& p : w->problems()) out.push_back(std::move(p));
  return out;
}

}  // namespace opsynth::cloudwatch
