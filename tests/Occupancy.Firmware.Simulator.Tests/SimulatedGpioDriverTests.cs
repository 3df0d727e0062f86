using System.Device.Gpio;
using Iot.Device.Hcsr501;

namespace Occupancy.Firmware.Simulator.Tests;

public sealed class SimulatedGpioDriverTests
{
    private readonly SimulatedGpioDriver _driver = new();

    [Fact]
    public void Driver_ThroughAGpioController_ReadsTheLevelSetFromOutside()
    {
        using var controller = new GpioController(_driver);
        controller.OpenPin(4, PinMode.Input);

        Assert.Equal(PinValue.Low, controller.Read(4));
        _driver.SetInput(4, PinValue.High);
        Assert.Equal(PinValue.High, controller.Read(4));
    }

    [Fact]
    public void Driver_RaisesRisingAndFallingCallbacksOnlyOnChange()
    {
        using var controller = new GpioController(_driver);
        controller.OpenPin(4, PinMode.Input);
        var seen = new List<PinEventTypes>();
        controller.RegisterCallbackForPinValueChangedEvent(4, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => seen.Add(e.ChangeType));

        _driver.SetInput(4, PinValue.High);
        _driver.SetInput(4, PinValue.High);
        _driver.SetInput(4, PinValue.Low);

        Assert.Equal(new[] { PinEventTypes.Rising, PinEventTypes.Falling }, seen);
    }

    [Fact]
    public void Driver_AnUndrivenPullUpInput_ReadsHigh()
    {
        using var controller = new GpioController(_driver);
        controller.OpenPin(5, PinMode.InputPullUp);

        Assert.Equal(PinValue.High, controller.Read(5));
    }

    [Fact]
    public void Driver_UnderTheHcsr501Binding_ReportsMotionAndRaisesItsEvent()
    {
        using var controller = new GpioController(_driver);
        using var pir = new Hcsr501(4, controller, shouldDispose: false);
        var events = new List<bool>();
        pir.Hcsr501ValueChanged += (_, e) => events.Add(e.PinValue == PinValue.High);

        _driver.SetInput(4, PinValue.High);
        Assert.True(pir.IsMotionDetected);
        _driver.SetInput(4, PinValue.Low);
        Assert.False(pir.IsMotionDetected);

        Assert.Equal(new[] { true, false }, events);
    }

    [Fact]
    public async Task Driver_WaitForEvent_ReturnsWhenThePinRises()
    {
        using var controller = new GpioController(_driver);
        controller.OpenPin(4, PinMode.Input);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var waiting = Task.Run(() => controller.WaitForEvent(4, PinEventTypes.Rising, timeout.Token));
        while (!waiting.IsCompleted)
        {
            _driver.SetInput(4, PinValue.High);
            _driver.SetInput(4, PinValue.Low);
            await Task.Delay(10);
        }

        var result = await waiting;
        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Rising, result.EventTypes);
    }

    [Fact]
    public void Driver_WaitForEvent_TimesOutWhenNothingHappens()
    {
        using var controller = new GpioController(_driver);
        controller.OpenPin(4, PinMode.Input);

        var result = controller.WaitForEvent(4, PinEventTypes.Rising, TimeSpan.FromMilliseconds(50));

        Assert.True(result.TimedOut);
    }

    [Fact]
    public void Driver_RefusesPinsTheBoardDoesNotHave()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _driver.SetInput(40, PinValue.High));
    }
}
