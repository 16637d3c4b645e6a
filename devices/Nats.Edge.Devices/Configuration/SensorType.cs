namespace Nats.Edge.Devices.Configuration;

/// <summary>The sensors the bridge can read.</summary>
public enum SensorType
{
    /// <summary>Bosch BME280 on I2C: temperature, pressure, humidity.</summary>
    Bme280,

    /// <summary>Bosch BMP280 on I2C: temperature, pressure.</summary>
    Bmp280,

    /// <summary>Sensirion SHT3x on I2C: temperature, humidity.</summary>
    Sht3x,

    /// <summary>DHT22 (AM2302) on one GPIO pin: temperature, humidity.</summary>
    Dht22,

    /// <summary>DS18B20 on 1-Wire: temperature.</summary>
    Ds18b20,

    /// <summary>TI ADS1115 on I2C: one voltage per configured channel.</summary>
    Ads1115,

    /// <summary>The board's own CPU temperature.</summary>
    CpuTemperature,

    /// <summary>A digital input (button, PIR, reed switch): its debounced level, published on each edge.</summary>
    DigitalInput,
}
