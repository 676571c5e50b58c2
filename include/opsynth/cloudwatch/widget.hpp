// Dashboard widgets and aws-cdk-lib's layout: a 24-column grid; a Row places widgets left to
// right and wraps to a new line when the next one does not fit; a Column stacks them.
// Widgets are shared (std::shared_ptr) because rows and columns hold them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth::cloudwatch {

inline constexpr int kGridWidth = 24;

class Widget {
 public:
  virtual ~Widget() = default;
  virtual int width() const = 0;
  virtual int height() const = 0;
  // Places the widget's top-left corner (grid units).
  virtual void position(int x, int y) = 0;
  // The dashboard-body entries of this widget (several for a Row/Column).
  virtual std::vector<Value> to_json() const = 0;
  // The widgets that render an entry (a Row/Column gives its leaves).
  virtual void leaves(std::vector<const Widget*>& out) const { out.push_back(this); }
  // What is wrong with this widget (width, metrics...), each naming the widget.
  virtual std::vector<std::string> problems() const { return {}; }
};
using WidgetPtr = std::shared_ptr<Widget>;

// A widget that renders one entry: {type, width, height, x, y, properties}.
class ConcreteWidget : public Widget {
 public:
  ConcreteWidget(int width, int height) : width_(width), height_(height) {}
  int width() const override { return width_; }
  int height() const override { return height_; }
  void position(int x, int y) override {
    x_ = x;
    y_ = y;
  }
  std::vector<std::string> problems() const override;

 protected:
  // The entry with this widget's type, size, position and properties (key order as aws-cdk-lib's).
  Value entry(const std::string& type, Value properties) const;
  // A short name for messages, e.g. `graph widget "Lambda Errors"`.
  virtual std::string describe() const = 0;

 private:
  int width_, height_;
  int x_ = 0, y_ = 0;
};

class Row : public Widget {
 public:
  explicit Row(std::vector<WidgetPtr> widgets);
  void add_widget(WidgetPtr w);
  int width() const override { return width_; }
  int height() const override { return height_; }
  void position(int x, int y) override;
  std::vector<Value> to_json() const override;
  void leaves(std::vector<const Widget*>& out) const override;
  std::vector<std::string> problems() const override;

 private:
  void place(const Widget& w);
  std::vector<WidgetPtr> widgets_;
  std::vector<std::pair<int, int>> offsets_;
  int width_ = 0, height_ = 0;
};

class Column : public Widget {
 public:
  explicit Column(std::vector<WidgetPtr> widgets);
  void add_widget(WidgetPtr w);
  int width() const override;
  int height() const override;
  void position(int x, int y) override;
  std::vector<Value> to_json() const override;
  void leaves(std::vector<const Widget*>& out) const override;
  std::vector<std::string> problems() const override;

 private:
  std::vector<WidgetPtr> widgets_;
};

}  // namespace opsynth::cloudwatch
