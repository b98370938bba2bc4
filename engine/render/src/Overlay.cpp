// Dear ImGui overlay: labels projected from the world, the frame's panel, the caller's windows.
#include "Overlay.hpp"

#include <imgui.h>
#include <imgui_impl_vulkan.h>

#include <algorithm>
#include <cmath>

#include "GpuResources.hpp"
#include "VkCheck.hpp"

namespace mimesis::render {
namespace {

// ImGui's backend reports failures through this hook; they cannot be returned from its calls,
// so the first one is kept and the backend's own asserts stay the last line of defence.
VkResult gBackendResult = VK_SUCCESS;
void onBackendResult(VkResult r) {
  if (r != VK_SUCCESS && gBackendResult == VK_SUCCESS) gBackendResult = r;
}

// Makes `context` current for a scope and restores the caller's afterwards (unless the
// caller's was the one destroyed meanwhile: then none stays current).
class ContextScope {
 public:
  explicit ContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(context); }
  ~ContextScope() { ImGui::SetCurrentContext(previous_); }
  void forget(ImGuiContext* destroyed) {
    if (previous_ == destroyed) previous_ = nullptr;
  }
  ContextScope(const ContextScope&) = delete;
  ContextScope& operator=(const ContextScope&) = delete;

 private:
  ImGuiContext* previous_;
};

ImU32 packColour(const glm::vec4& c) {
  auto channel = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
  return IM_COL32(channel(c.x), channel(c.y), channel(c.z), channel(c.w));
}

}  // namespace

Result<std::unique_ptr<Overlay>> Overlay::create(VulkanContext& ctx, VkRenderPass renderPass,
                                                 VkSampleCountFlagBits samples, int buffersInFlight,
                                                 VkCommandPool uploadPool) {
  std::unique_ptr<Overlay> o(new Overlay());
  o->device_ = ctx.device();
  o->context_ = ImGui::GetCurrentContext();
  if (o->context_ == nullptr || ImGui::GetIO().BackendRendererUserData != nullptr) {
    ImGuiContext* previous = o->context_;
    o->context_ = ImGui::CreateContext();
    o->ownsContext_ = true;
    ImGui::SetCurrentContext(o->context_);
    ImGui::GetIO().IniFilename = nullptr;  // headless runs write no files behind the user's back
    ImGui::SetCurrentContext(previous);
  }
  const ContextScope scope(o->context_);
  VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4};
  VkDescriptorPoolCreateInfo poolInfo{};
  poolInfo.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
  poolInfo.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  poolInfo.maxSets = 4;
  poolInfo.poolSizeCount = 1;
  poolInfo.pPoolSizes = &size;
  MIMESIS_VK_TRY(vkCreateDescriptorPool(o->device_, &poolInfo, nullptr, &o->pool_));

  ImGui_ImplVulkan_InitInfo info{};
  info.Instance = ctx.instance();
  info.PhysicalDevice = ctx.physicalDevice();
  info.Device = ctx.device();
  info.QueueFamily = ctx.queueFamily();
  info.Queue = ctx.queue();
  info.DescriptorPool = o->pool_;
  info.Subpass = 0;
  info.MinImageCount = 2;
  info.ImageCount = static_cast<std::uint32_t>(std::max(2, buffersInFlight));
  info.MSAASamples = samples;
  info.CheckVkResultFn = &onBackendResult;
  gBackendResult = VK_SUCCESS;
  if (!ImGui_ImplVulkan_Init(&info, renderPass))
    return makeError(ErrorCode::Device, "ImGui_ImplVulkan_Init failed", "overlay");
  o->backendReady_ = true;
  Status upload = vk::submitOnce(ctx, uploadPool, [](VkCommandBuffer cmd, void*) {
    ImGui_ImplVulkan_CreateFontsTexture(cmd);
  }, nullptr);
  if (!upload) return upload.error();
  ImGui_ImplVulkan_DestroyFontUploadObjects();
  if (gBackendResult != VK_SUCCESS)
    return vk::callError("ImGui Vulkan backend", gBackendResult, __FILE__, __LINE__);
  return o;
}

Overlay::~Overlay() {
  // The renderer waited for the device, so no command buffer still reads the backend's buffers.
  if (context_ != nullptr) {
    ContextScope scope(context_);
    if (backendReady_) ImGui_ImplVulkan_Shutdown();
    if (ownsContext_) {
      ImGui::DestroyContext(context_);
      scope.forget(context_);
    }
  }
  if (pool_ != VK_NULL_HANDLE) vkDestroyDescriptorPool(device_, pool_, nullptr);
}

void Overlay::record(VkCommandBuffer cmd, const FrameDescription& frame, const glm::mat4& viewProj,
                     VkExtent2D extent, const std::function<void()>* ui) {
  const ContextScope scope(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(extent.width), static_cast<float>(extent.height));
  io.DeltaTime = 1.0f / 60.0f;
  ImGui_ImplVulkan_NewFrame();
  ImGui::NewFrame();
  if (ui != nullptr && *ui) (*ui)();

  ImDrawList* draw = ImGui::GetForegroundDrawList();
  // Labels: projected with the view's matrix; hidden behind the eye or off screen.
  for (const Label& label : frame.labels) {
    const glm::vec4 clip = viewProj * glm::vec4(label.p_world, 1.0f);
    if (!(clip.w > 1e-4f)) continue;
    const float x = (clip.x / clip.w * 0.5f + 0.5f) * io.DisplaySize.x;
    const float y = (clip.y / clip.w * 0.5f + 0.5f) * io.DisplaySize.y;  // Vulkan clip: y down
    if (!(x >= 0.0f && y >= 0.0f && x < io.DisplaySize.x && y < io.DisplaySize.y)) continue;
    const ImVec2 size = ImGui::CalcTextSize(label.text.c_str());
    const ImVec2 at(std::floor(x - size.x * 0.5f), std::floor(y - size.y * 0.5f));
    draw->AddRectFilled(ImVec2(at.x - 3, at.y - 1), ImVec2(at.x + size.x + 3, at.y + size.y + 1), IM_COL32(0, 0, 0, 150), 3.0f);
    draw->AddText(at, packColour(label.colour), label.text.c_str());
  }
  if (!frame.panel.empty()) {
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float width = 0.0f;
    for (const std::string& s : frame.panel) width = std::max(width, ImGui::CalcTextSize(s.c_str()).x);
    const ImVec2 origin(10.0f, 10.0f);
    draw->AddRectFilled(origin, ImVec2(origin.x + width + 16.0f, origin.y + line * static_cast<float>(frame.panel.size()) + 12.0f),
                        IM_COL32(10, 12, 16, 190), 4.0f);
    for (std::size_t i = 0; i < frame.panel.size(); ++i)
      draw->AddText(ImVec2(origin.x + 8.0f, origin.y + 6.0f + line * static_cast<float>(i)), IM_COL32(235, 238, 242, 255),
                    frame.panel[i].c_str());
  }
  ImGui::Render();
  ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
}

}  // namespace mimesis::render
