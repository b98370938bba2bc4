// Vulkan instance, validation messenger, device choice and logical device creation.
#include "mimesis/render/VulkanContext.hpp"

#include <cstdlib>
#include <cstring>

#include "VkCheck.hpp"
#include "mimesis/core/LoadedModules.hpp"

namespace mimesis {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool hasLayer(const char* name) {
  std::uint32_t n = 0;
  vkEnumerateInstanceLayerProperties(&n, nullptr);
  std::vector<VkLayerProperties> layers(n);
  vkEnumerateInstanceLayerProperties(&n, layers.data());
  for (const VkLayerProperties& l : layers)
    if (std::strcmp(l.layerName, name) == 0) return true;
  return false;
}

// Rank for the default choice: real GPUs first, software rasterisers (lavapipe) last.
int deviceRank(VkPhysicalDeviceType t) {
  switch (t) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 4;
    default: return 3;
  }
}

int graphicsQueueFamily(VkPhysicalDevice d) {
  std::uint32_t n = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(d, &n, nullptr);
  std::vector<VkQueueFamilyProperties> families(n);
  vkGetPhysicalDeviceQueueFamilyProperties(d, &n, families.data());
  for (std::uint32_t i = 0; i < n; ++i)
    if ((families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) != 0) return static_cast<int>(i);
  return -1;
}

}  // namespace

Result<std::unique_ptr<VulkanContext>> VulkanContext::create(const VulkanContextOptions& options) {
  std::unique_ptr<VulkanContext> c(new VulkanContext());
  // The driver and layers the loader brings in stay loaded (LoadedModules.hpp says why). Declared
  // after `c`, so on an error return it pins them before `c`'s instance is destroyed.
  const PinModulesLoadedInScope keepDriverLoaded;
  MIMESIS_TRY_STATUS(c->createInstance(options));
  MIMESIS_TRY_STATUS(c->pickDevice(options));
  MIMESIS_TRY_STATUS(c->createDevice(options));
  return c;
}

VulkanContext::~VulkanContext() {
  if (device_ != VK_NULL_HANDLE) {
    vkDeviceWaitIdle(device_);
    vkDestroyDevice(device_, nullptr);
  }
  if (messenger_ != VK_NULL_HANDLE) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy != nullptr) destroy(instance_, messenger_, nullptr);
  }
  if (instance_ != VK_NULL_HANDLE) vkDestroyInstance(instance_, nullptr);
}

VKAPI_ATTR VkBool32 VKAPI_CALL VulkanContext::onMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                        VkDebugUtilsMessageTypeFlagsEXT,
                                                        const VkDebugUtilsMessengerCallbackDataEXT* data,
                                                        void* self) {
  auto* context = static_cast<VulkanContext*>(self);
  const char* level = (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0 ? "error" : "warning";
  context->messages_.push_back(std::string("vulkan validation ") + level + ": " +
                               (data != nullptr && data->pMessage != nullptr ? data->pMessage : "(no text)"));
  return VK_FALSE;
}

Status VulkanContext::createInstance(const VulkanContextOptions& options) {
  std::vector<const char*> extensions;
  for (const std::string& e : options.instanceExtensions) extensions.push_back(e.c_str());
  std::vector<const char*> layers;
  if (options.validation) {
    if (!hasLayer(kValidationLayer))
      return makeError(ErrorCode::Device,
                       "validation was asked for but VK_LAYER_KHRONOS_validation is not installed "
                       "(Debian: vulkan-validationlayers)", "vkEnumerateInstanceLayerProperties");
    layers.push_back(kValidationLayer);
    extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
  }

  VkApplicationInfo app{};
  app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
  app.pApplicationName = options.applicationName.c_str();
  app.pEngineName = "Mimesis";
  app.apiVersion = VK_API_VERSION_1_1;

  VkDebugUtilsMessengerCreateInfoEXT messenger{};
  messenger.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT;
  messenger.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                          VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                          VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger.pfnUserCallback = &VulkanContext::onMessage;
  messenger.pUserData = this;

  VkInstanceCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
  info.pNext = options.validation ? &messenger : nullptr;  // also covers create/destroy
  info.pApplicationInfo = &app;
  info.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
  info.ppEnabledLayerNames = layers.data();
  info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  if (options.createInstance)
    MIMESIS_VK_TRY(options.createInstance(info, &instance_));
  else
    MIMESIS_VK_TRY(vkCreateInstance(&info, nullptr, &instance_));

  if (options.validation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
    if (create == nullptr)
      return makeError(ErrorCode::Device, "vkCreateDebugUtilsMessengerEXT is not available", "VK_EXT_debug_utils");
    MIMESIS_VK_TRY(create(instance_, &messenger, nullptr, &messenger_));
  }
  return okStatus();
}

Status VulkanContext::pickDevice(const VulkanContextOptions& options) {
  if (options.pickPhysicalDevice) {
    Result<VkPhysicalDevice> d = options.pickPhysicalDevice(instance_);
    if (!d) return d.error();
    physical_ = *d;
  } else {
    std::uint32_t n = 0;
    MIMESIS_VK_TRY(vkEnumeratePhysicalDevices(instance_, &n, nullptr));
    std::vector<VkPhysicalDevice> devices(n);
    MIMESIS_VK_TRY(vkEnumeratePhysicalDevices(instance_, &n, devices.data()));
    int wanted = options.deviceIndex;
    if (const char* env = std::getenv("MIMESIS_VK_DEVICE")) wanted = std::atoi(env);
    int bestRank = 1 << 30;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (graphicsQueueFamily(devices[i]) < 0) continue;
      VkPhysicalDeviceProperties p;
      vkGetPhysicalDeviceProperties(devices[i], &p);
      const int rank = wanted >= 0 ? (static_cast<int>(i) == wanted ? 0 : 1 << 20) : deviceRank(p.deviceType);
      if (rank < bestRank) {
        bestRank = rank;
        physical_ = devices[i];
      }
    }
    if (physical_ == VK_NULL_HANDLE || bestRank >= (1 << 20))
      return makeError(ErrorCode::Device,
                       "no Vulkan device with a graphics queue (install a driver, e.g. Debian "
                       "mesa-vulkan-drivers for the lavapipe CPU renderer)",
                       "vkEnumeratePhysicalDevices");
  }
  const int family = graphicsQueueFamily(physical_);
  if (family < 0) return makeError(ErrorCode::Device, "the chosen device has no graphics queue", "device");
  queueFamily_ = static_cast<std::uint32_t>(family);
  vkGetPhysicalDeviceProperties(physical_, &properties_);
  vkGetPhysicalDeviceMemoryProperties(physical_, &memory_);

  std::uint32_t n = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(physical_, &n, nullptr);
  std::vector<VkQueueFamilyProperties> families(n);
  vkGetPhysicalDeviceQueueFamilyProperties(physical_, &n, families.data());
  if (families[queueFamily_].timestampValidBits > 0)
    timestampPeriod_ = static_cast<double>(properties_.limits.timestampPeriod);
  return okStatus();
}

Status VulkanContext::createDevice(const VulkanContextOptions& options) {
  const float priority = 1.0f;
  VkDeviceQueueCreateInfo queue{};
  queue.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
  queue.queueFamilyIndex = queueFamily_;
  queue.queueCount = 1;
  queue.pQueuePriorities = &priority;

  std::vector<const char*> extensions;
  if (options.swapchain) extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);

  VkDeviceCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
  info.queueCreateInfoCount = 1;
  info.pQueueCreateInfos = &queue;
  info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  if (options.createDevice)
    MIMESIS_VK_TRY(options.createDevice(physical_, info, &device_));
  else
    MIMESIS_VK_TRY(vkCreateDevice(physical_, &info, nullptr, &device_));
  vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);
  return okStatus();
}

int VulkanContext::findMemoryType(std::uint32_t typeBits, VkMemoryPropertyFlags required) const {
  for (std::uint32_t i = 0; i < memory_.memoryTypeCount; ++i)
    if ((typeBits & (1u << i)) != 0 && (memory_.memoryTypes[i].propertyFlags & required) == required)
      return static_cast<int>(i);
  return -1;
}

Status VulkanContext::waitIdle() const {
  MIMESIS_VK_TRY(vkDeviceWaitIdle(device_));
  return okStatus();
}

}  // namespace mimesis
